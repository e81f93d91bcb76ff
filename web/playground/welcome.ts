/** The query the playground opens with before any is saved (a document we ship: checked against the schema by test/browser/shippedDocuments.test.ts). */
export const WELCOME = `# One graph over every member's
# ministry. Pick a saved example,
# or write a query: Ctrl+Space
# completes, Ctrl+Enter runs, the
# book opens the docs.

query JointOrders {
  jointOrders {
    reference
    title
    status
    totalValue { amount currency }
  }
}
`;

/**
 * Data for the federation benchmark subgraphs (the Guild's "federation-benchmarks"
 * test query: users, products, reviews, inventory). Shaped so that the test
 * query's answer equals shared/bench/guild-testquery-expected.json, including
 * that benchmark's quirk: every user lists reviews 1 and 2, all written by user 1.
 */
export interface BenchUser { id: string; username: string; name: string }
export interface BenchProduct { upc: string; name: string; price: number; weight: number; inStock: boolean }
export interface BenchReview { id: string; body: string; productUpc: string; authorId: string }

const BODIES = [
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.",
  "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi",
  "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.",
  "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem",
  "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat."
];

export const USERS: BenchUser[] = [
  {
    "id": "1",
    "username": "urigo",
    "name": "Uri Goldshtein"
  },
  {
    "id": "2",
    "username": "dotansimha",
    "name": "Dotan Simha"
  },
  {
    "id": "3",
    "username": "kamilkisiela",
    "name": "Kamil Kisiela"
  },
  {
    "id": "4",
    "username": "ardatan",
    "name": "Arda Tanrikulu"
  },
  {
    "id": "5",
    "username": "gilgardosh",
    "name": "Gil Gardosh"
  },
  {
    "id": "6",
    "username": "laurin",
    "name": "Laurin Quast"
  }
];

export const PRODUCTS: BenchProduct[] = [
  {
    "upc": "1",
    "name": "Table",
    "price": 899,
    "weight": 100,
    "inStock": true
  },
  {
    "upc": "2",
    "name": "Couch",
    "price": 1299,
    "weight": 1000,
    "inStock": false
  },
  {
    "upc": "3",
    "name": "Glass",
    "price": 15,
    "weight": 20,
    "inStock": false
  },
  {
    "upc": "4",
    "name": "Chair",
    "price": 499,
    "weight": 100,
    "inStock": false
  },
  {
    "upc": "5",
    "name": "TV",
    "price": 1299,
    "weight": 1000,
    "inStock": true
  }
];

export const REVIEWS: BenchReview[] = [
  { id: '1', body: BODIES[0], productUpc: '1', authorId: '1' },
  { id: '2', body: BODIES[1], productUpc: '1', authorId: '1' },
  { id: '3', body: BODIES[2], productUpc: '1', authorId: '1' },
  { id: '4', body: BODIES[3], productUpc: '1', authorId: '1' },
  { id: '5', body: BODIES[0], productUpc: '2', authorId: '1' },
  { id: '6', body: BODIES[1], productUpc: '2', authorId: '1' },
  { id: '7', body: BODIES[2], productUpc: '2', authorId: '1' },
  { id: '8', body: BODIES[3], productUpc: '2', authorId: '1' },
  { id: '9', body: BODIES[3], productUpc: '3', authorId: '1' },
  { id: '10', body: BODIES[3], productUpc: '4', authorId: '1' },
  { id: '11', body: BODIES[4], productUpc: '4', authorId: '1' },
];

/** Which reviews each user lists (the benchmark lists the same two for everyone). */
export const USER_REVIEW_IDS: Record<string, string[]> = {"1": ["1", "2"], "2": ["1", "2"], "3": ["1", "2"], "4": ["1", "2"], "5": ["1", "2"], "6": ["1", "2"]};

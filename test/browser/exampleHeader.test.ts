/** A saved example's header comment: title, declared role, description; and which token roles meet that role. */
import { exampleHeader, rolesMeet } from '../../web/playground/exampleHeader';

describe('exampleHeader', () => {
  it('reads the title, the role line wherever it stands, and the rest as the description', () => {
    const query =
      '# Late deliveries\n# Every delivery,\n#   role:  procurement \n# with its ministry.\nquery LateDeliveries { jointOrders { id } }\n# role: analyst';
    expect(exampleHeader(query)).toEqual({ title: 'Late deliveries', description: 'Every delivery, with its ministry.', role: 'procurement' });
  });

  it('has no title, description or role without a header comment', () => {
    expect(exampleHeader('query Q { members { code } }')).toEqual({ title: undefined, description: '', role: undefined });
  });

  it('does not take a line that only mentions a role for the declaration', () => {
    expect(exampleHeader('# Budgets\n# The role: of budgets in planning\nquery Q { members { code } }').role).toBeUndefined();
  });
});

describe('rolesMeet', () => {
  it.each([
    [['analyst'], 'analyst', true],
    [['procurement'], 'analyst', true],
    [['ministry:XK'], 'analyst', true],
    [[], 'analyst', false],
    [['unknown'], 'analyst', false],
    [['analyst'], 'procurement', false],
    [['ministry:XK'], 'procurement', false],
    [['analyst', 'procurement'], 'procurement', true],
    [['ministry:XK'], 'ministry:AL', false],
    [['ministry:AL'], 'ministry:AL', true],
  ])('%j meets %s: %s', (held, needed, expected) => {
    expect(rolesMeet(held, needed)).toBe(expected);
  });
});

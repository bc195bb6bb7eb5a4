// Issue 16: the due date each step of a problem's history set (raised with one, accepted with a
// deadline, a meeting's decision), so the problem ledger can be read as of a past day (口径说明).
export default `
ALTER TABLE problem_steps ADD COLUMN due_on date;
`;

// GraphiQL with an API key: its header editor opens with an empty "Authorization: Bearer " to paste a key after
// (an empty bearer reads anonymously), and keeps what was typed in the browser's localStorage across reloads.
export const graphiqlKeyHeaders = {
  headers: JSON.stringify({ Authorization: 'Bearer ' }, null, 2),
  shouldPersistHeaders: true,
};

// The schema's input errors are those of every layer that reads client input.
export { NotFoundError, UserInputError } from '../http/input-errors.js';

export { retention } from './recipe.js';

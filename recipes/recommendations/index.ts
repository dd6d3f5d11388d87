export { recommendations } from './recipe.js';

/**
 * Scope analysis of one parsed cell: which names its top level declares and which names it reads
 * (or assigns) without declaring them — the edges of the notebook's dependency graph.
 */
import type { Node } from 'acorn';
import * as walk from 'acorn-walk';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- acorn's ESTree nodes carry type-specific fields
type AnyNode = Node & Record<string, any>;

const FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const BLOCK = new Set(['BlockStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'SwitchStatement', 'StaticBlock', 'Program']);

/**
 * Names a binding pattern introduces.
 *
 * @example
 * patternNames({ type: 'ArrayPattern', elements: [{ type: 'Identifier', name: 'a' }] }); // → ['a']
 */
export function patternNames(pattern: AnyNode | null): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p: AnyNode) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((e: AnyNode | null) => patternNames(e));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

export interface ScopeInfo {
  /** Names declared at the top level of the cell, in order. */
  defines: string[];
  /** Names read or assigned but not declared in the cell, in order of first use. */
  references: string[];
  /** The subset of `references` the cell assigns to. */
  assigns: string[];
}

/**
 * Finds a program's top-level declarations and free references, honouring nested function,
 * block and catch scopes (a local `d` in `rows.map(d => d.x)` does not read a cell named `d`).
 *
 * @example
 * analyzeScope(acorn.parse('const y = x + 1; const f = (x) => x', opts)); // → { defines: ['y', 'f'], references: ['x'], assigns: [] }
 */
export function analyzeScope(program: AnyNode): ScopeInfo {
  const scopes = new Map<Node, Set<string>>();
  const declare = (scope: Node, names: string[]) => {
    let set = scopes.get(scope);
    if (!set) scopes.set(scope, (set = new Set()));
    for (const name of names) set.add(name);
  };
  /** Nearest enclosing node (not the node itself) matching `kinds`. */
  const nearest = (ancestors: Node[], kinds: Set<string>) => {
    for (let i = ancestors.length - 2; i >= 0; i--) if (kinds.has(ancestors[i].type)) return ancestors[i];
    return program;
  };
  const VAR_SCOPE = new Set([...FUNCTION, 'Program', 'StaticBlock']);
  walk.ancestor(program, {
    VariableDeclaration(node: AnyNode, _state: unknown, ancestors: Node[]) {
      const names = node.declarations.flatMap((d: AnyNode) => patternNames(d.id));
      declare(nearest(ancestors, node.kind === 'var' ? VAR_SCOPE : BLOCK), names);
    },
    Function(node: AnyNode, _state: unknown, ancestors: Node[]) {
      declare(node, node.params.flatMap((p: AnyNode) => patternNames(p)));
      if (node.id && node.type === 'FunctionDeclaration') declare(nearest(ancestors, BLOCK), [node.id.name]);
      else if (node.id) declare(node, [node.id.name]);
    },
    Class(node: AnyNode, _state: unknown, ancestors: Node[]) {
      if (node.id) declare(node.type === 'ClassDeclaration' ? nearest(ancestors, BLOCK) : node, [node.id.name]);
    },
    CatchClause(node: AnyNode) {
      declare(node, patternNames(node.param));
    },
    ImportDeclaration(node: AnyNode) {
      declare(program, node.specifiers.map((s: AnyNode) => s.local.name));
    },
  } as walk.AncestorVisitors<unknown>);

  const references = new Set<string>();
  const assigns = new Set<string>();
  const isLocal = (name: string, ancestors: Node[]) => ancestors.some((a) => scopes.get(a)?.has(name));
  walk.ancestor(program, {
    Identifier(node: AnyNode, _state: unknown, ancestors: Node[]) {
      if (!isLocal(node.name, ancestors)) references.add(node.name);
    },
    // Binding and assignment targets: a target no enclosing scope declares assigns a free name.
    VariablePattern(node: AnyNode, _state: unknown, ancestors: Node[]) {
      if (!isLocal(node.name, ancestors)) {
        references.add(node.name);
        assigns.add(node.name);
      }
    },
  } as walk.AncestorVisitors<unknown>);
  return { defines: [...(scopes.get(program) ?? [])], references: [...references], assigns: [...assigns] };
}

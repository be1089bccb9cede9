/**
 * A file's exported functions and variables, read from syntax alone (ts-morph's
 * getExportedDeclarations builds a type checker, far too slow for per-keystroke analysis).
 */
import { Node, type SourceFile } from 'ts-morph';

export interface ExportedValue {
  name: string;
  /** The function declaration, or the variable declaration that holds the value. */
  declaration: Node;
  /** The function itself, or the variable's initializer. */
  value?: Node;
}

export function exportedValues(sf: SourceFile): ExportedValue[] {
  const out: ExportedValue[] = [];
  const local = new Map<string, ExportedValue>();
  for (const st of sf.getStatements()) {
    if (Node.isFunctionDeclaration(st) && st.getName()) {
      const v = { name: st.getName()!, declaration: st, value: st };
      local.set(v.name, v);
      if (st.hasExportKeyword() && !st.hasDefaultKeyword()) out.push(v);
    } else if (Node.isVariableStatement(st)) {
      for (const d of st.getDeclarations()) {
        if (!Node.isIdentifier(d.getNameNode())) continue;
        const v = { name: d.getName(), declaration: d, value: d.getInitializer() };
        local.set(v.name, v);
        if (st.hasExportKeyword()) out.push(v);
      }
    }
  }
  // export { a, b as c }
  for (const ed of sf.getExportDeclarations()) {
    if (ed.getModuleSpecifier()) continue;
    for (const spec of ed.getNamedExports()) {
      const v = local.get(spec.getName());
      if (v) out.push({ ...v, name: spec.getAliasNode()?.getText() ?? v.name });
    }
  }
  return out;
}

import type { InstanceSummary } from '../../worker/protocol.ts';
import { naturalSize, type Size } from './zoom.ts';

/**
 * Post-processing of the Graphviz SVG the worker renders: it is our own output, but it is parsed,
 * stripped of anything executable, and given interactive, accessible semantics before it is put
 * into the page. Runs wherever a DOMParser exists (the browser, jsdom in tests).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Elements that can run script or pull in foreign content; Graphviz emits none of them. */
const DANGEROUS = ['script', 'foreignObject', 'iframe', 'object', 'embed', 'use', 'image', 'animate', 'set', 'handler'];

export interface PreparedSvg {
  /** The `<svg>` element's markup, ready for innerHTML (no XML prolog, no doctype). */
  markup: string;
  /** Natural size in CSS pixels (from the viewBox). */
  size?: Size;
  /** Instance ids of the task nodes, in document order. */
  taskIds: string[];
}

function parseSvg(svgText: string): SVGSVGElement | undefined {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS || doc.getElementsByTagName('parsererror').length > 0) return undefined;
  sanitize(root);
  return root as unknown as SVGSVGElement;
}

/** Removes script-capable elements, event-handler attributes and non-fragment links, in place. */
export function sanitize(root: Element): void {
  for (const name of DANGEROUS) for (const el of [...root.getElementsByTagName(name)]) el.remove();
  for (const el of [root, ...root.getElementsByTagName('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.localName.toLowerCase();
      const isLink = name === 'href' || name === 'src' || name === 'action' || name === 'formaction';
      if (name.startsWith('on') || (isLink && !attr.value.trim().startsWith('#'))) el.removeAttributeNode(attr);
    }
  }
}

/** The text of an element's own `<title>` child (Graphviz names each node and edge with one). */
function ownTitle(el: Element): string | undefined {
  for (const child of el.children) if (child.localName === 'title') return child.textContent ?? '';
  return undefined;
}

/** `id: name (task)`, the accessible name of a node; falls back to Graphviz's tooltip, then the id. */
export function nodeLabel(id: string, instance: InstanceSummary | undefined, tooltip?: string | null): string {
  if (instance) return instance.name ? `${id}: ${instance.name} (${instance.task})` : `${id} (${instance.task})`;
  return tooltip || id;
}

/** Bounding box of a node's shapes (polygons, polylines, ellipses, rects) in SVG user units. */
export function shapeBounds(node: Element): { x: number; y: number; width: number; height: number } | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const el of node.getElementsByTagName('*')) {
    if (el.localName === 'polygon' || el.localName === 'polyline') {
      const nums = (el.getAttribute('points') ?? '').trim().split(/[\s,]+/).map(Number);
      for (let i = 0; i + 1 < nums.length; i += 2) {
        if (Number.isFinite(nums[i]) && Number.isFinite(nums[i + 1])) {
          xs.push(nums[i]);
          ys.push(nums[i + 1]);
        }
      }
    } else if (el.localName === 'ellipse') {
      const [cx, cy, rx, ry] = ['cx', 'cy', 'rx', 'ry'].map((a) => Number(el.getAttribute(a)));
      if ([cx, cy, rx, ry].every(Number.isFinite)) xs.push(cx - rx, cx + rx), ys.push(cy - ry, cy + ry);
    } else if (el.localName === 'rect') {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(el.getAttribute(a)));
      if ([x, y, w, h].every(Number.isFinite)) xs.push(x, x + w), ys.push(y, y + h);
    }
  }
  if (xs.length === 0) return undefined;
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const round = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Makes the Graphviz SVG interactive and accessible: every task node (`<g class="node">`, named by
 * its `<title>`, which is the instance id) becomes a focusable button with `data-task-id` and an
 * `aria-label`, plus a focus-ring rectangle around its table; edges are hidden from assistive
 * technology (the table view lists them); the `<svg>` gets a label. Returns undefined when the
 * text is not an SVG document.
 */
export function prepareGraphSvg(svgText: string, instances: readonly InstanceSummary[]): PreparedSvg | undefined {
  const svg = parseSvg(svgText);
  if (!svg) return undefined;
  const byId = new Map(instances.map((i) => [i.id, i]));
  const taskIds: string[] = [];
  const doc = svg.ownerDocument;
  for (const node of [...svg.getElementsByTagName('g')]) {
    const cls = ` ${node.getAttribute('class') ?? ''} `;
    if (cls.includes(' edge ')) {
      node.setAttribute('aria-hidden', 'true');
      continue;
    }
    if (!cls.includes(' node ')) continue;
    const id = ownTitle(node);
    if (id === undefined) continue;
    taskIds.push(id);
    const tooltip = [...node.getElementsByTagName('a')].map((a) => a.getAttributeNS(XLINK_NS, 'title') ?? a.getAttribute('xlink:title')).find(Boolean);
    node.setAttribute('data-task-id', id);
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    // The node shows its id, its argument ports and `return`: the name carries the arguments too,
    // so it contains the visible text (voice control users say what they see).
    const args = [...node.getElementsByTagName('text')].map((t) => t.textContent ?? '').filter((t, i) => i > 0 && t !== 'return');
    node.setAttribute('aria-label', nodeLabel(id, byId.get(id), tooltip) + (args.length ? `, arguments: ${args.join(', ')}` : ''));
    const box = shapeBounds(node);
    if (box) {
      const ring = doc.createElementNS(SVG_NS, 'rect');
      const pad = 3;
      ring.setAttribute('class', 'node-focus-ring');
      ring.setAttribute('x', round(box.x - pad));
      ring.setAttribute('y', round(box.y - pad));
      ring.setAttribute('width', round(box.width + 2 * pad));
      ring.setAttribute('height', round(box.height + 2 * pad));
      ring.setAttribute('rx', '4');
      ring.setAttribute('fill', 'none');
      ring.setAttribute('aria-hidden', 'true');
      node.appendChild(ring);
    }
  }
  const size = naturalSize(svg.getAttribute('viewBox'));
  // The component sizes the SVG (zoom); Graphviz's pt width/height would fight it.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'group');
  const edgeCount = svg.querySelectorAll('g.edge').length;
  svg.setAttribute('aria-label', `Workflow graph: ${taskIds.length} task${taskIds.length === 1 ? '' : 's'}, ${edgeCount} dependenc${edgeCount === 1 ? 'y' : 'ies'}`);
  svg.setAttribute('class', 'workflow-graph-svg');
  return { markup: new XMLSerializer().serializeToString(svg), size, taskIds };
}

/**
 * The SVG to download as graph.svg: sanitized, with an explicit background rectangle as the first
 * child so it stays readable on dark viewers (ux-anchors §9).
 */
export function exportableSvg(svgText: string, background = 'white'): string | undefined {
  const svg = parseSvg(svgText);
  if (!svg) return undefined;
  const rect = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('class', 'background');
  rect.setAttribute('x', '0');
  rect.setAttribute('y', '0');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  svg.insertBefore(rect, svg.firstChild);
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

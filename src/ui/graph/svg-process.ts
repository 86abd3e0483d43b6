import type { InstanceSummary } from '../../worker/protocol.ts';
import { previewNodeNames, TITLE_FONT_PT, TITLE_PLACEHOLDER, TITLE_WIDTH_PT } from '../../core/compiler/graph/preview-dot.ts';
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
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A box in the SVG's CSS pixels at scale 1, from its top-left corner (for the overview map). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PreparedGraph {
  /** The sanitized, interactive `<svg>` element (labels are applied in place by `applyNodeLabels`). */
  svg: SVGSVGElement;
  /** Natural size in CSS pixels (from the viewBox). */
  size?: Size;
  /** Node names (Graphviz `<title>`s) in document order. */
  nodeNames: string[];
  /** Node and cluster boxes for the overview map. */
  nodes: Box[];
  clusters: Box[];
}

/**
 * Makes the Graphviz SVG interactive: every node (`<g class="node">`, named by its `<title>`)
 * becomes a focusable button with a focus ring, its title-row text is marked for `applyNodeLabels`,
 * edges are hidden from assistive technology (the table view lists them) and the `<svg>` is
 * labelled. Everything here depends on the layout only, so it runs once per layout.
 */
export function prepareGraphElement(svgText: string): PreparedGraph | undefined {
  const svg = parseSvg(svgText);
  if (!svg) return undefined;
  const doc = svg.ownerDocument;
  const size = naturalSize(svg.getAttribute('viewBox'));
  // Graphviz draws in points with y upwards from the graph's translate(); boxes go to CSS px from the top-left.
  const vb = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const translate = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/.exec(svg.querySelector('g.graph')?.getAttribute('transform') ?? '');
  const [tx, ty] = translate ? [Number(translate[1]), Number(translate[2])] : [0, 0];
  const toPx = (b: Box): Box => ({ x: ((b.x + tx - (vb[0] || 0)) * 4) / 3, y: ((b.y + ty - (vb[1] || 0)) * 4) / 3, width: (b.width * 4) / 3, height: (b.height * 4) / 3 });
  const nodeNames: string[] = [];
  const nodes: Box[] = [];
  const clusters: Box[] = [];
  for (const node of [...svg.getElementsByTagName('g')]) {
    const cls = ` ${node.getAttribute('class') ?? ''} `;
    if (cls.includes(' edge ')) {
      node.setAttribute('aria-hidden', 'true');
      continue;
    }
    if (cls.includes(' cluster ')) {
      node.setAttribute('aria-hidden', 'true');
      const box = shapeBounds(node) ?? pathBounds(node);
      if (box) clusters.push(toPx(box));
      continue;
    }
    if (!cls.includes(' node ')) continue;
    const name = ownTitle(node);
    if (name === undefined) continue;
    nodeNames.push(name);
    const tooltip = [...node.getElementsByTagName('a')].map((a) => a.getAttributeNS(XLINK_NS, 'title') ?? a.getAttribute('xlink:title')).find(Boolean);
    node.setAttribute('data-node-name', name);
    node.setAttribute('data-task-id', name);
    if (tooltip) node.setAttribute('data-tooltip', tooltip);
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    // The node shows its id, its argument ports and `return`: the name carries the arguments too,
    // so it contains the visible text (voice control users say what they see).
    const texts = [...node.getElementsByTagName('text')];
    const args = texts.map((t) => t.textContent ?? '').filter((t, i) => i > 0 && t !== 'return' && IDENTIFIER.test(t));
    if (args.length) node.setAttribute('data-args', args.join(', '));
    for (const t of texts) if (t.textContent === TITLE_PLACEHOLDER) t.setAttribute('class', 'node-title');
    const box = outlineBounds(node) ?? shapeBounds(node);
    if (box) {
      nodes.push(toPx(box));
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
  // The component sizes the SVG (zoom); Graphviz's pt width/height would fight it.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'group');
  const edgeCount = svg.querySelectorAll('g.edge').length;
  svg.setAttribute('aria-label', `Workflow graph: ${nodeNames.length} task${nodeNames.length === 1 ? '' : 's'}, ${edgeCount} dependenc${edgeCount === 1 ? 'y' : 'ies'}`);
  svg.setAttribute('class', 'workflow-graph-svg');
  return { svg, size, nodeNames, nodes, clusters };
}

/**
 * Bounds of a node's first polygon: Graphviz draws an HTML-table node's outer box first, so one
 * polygon gives the whole node (measuring every shape of 400 nodes costs the main thread dearly).
 * Undefined when the first shape is not a table box (other node shapes), so callers fall back.
 */
function outlineBounds(node: Element): Box | undefined {
  const first = node.getElementsByTagName('polygon')[0];
  // The preview DOT's tables have a white background polygon covering the whole node.
  if (!first || first.getAttribute('fill') !== 'white') return undefined;
  const nums = (first.getAttribute('points') ?? '').trim().split(/[\s,]+/).map(Number);
  if (nums.length < 8 || nums.some((n) => !Number.isFinite(n))) return undefined;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < nums.length; i += 2) {
    x0 = Math.min(x0, nums[i]);
    x1 = Math.max(x1, nums[i]);
    y0 = Math.min(y0, nums[i + 1]);
    y1 = Math.max(y1, nums[i + 1]);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Bounds of a cluster's outline, drawn as a rounded `<path>` (Graphviz's `style=rounded`). */
function pathBounds(g: Element): Box | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of g.getElementsByTagName('path')) {
    const nums = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < nums.length; i += 2) xs.push(nums[i]), ys.push(nums[i + 1]);
  }
  if (xs.length === 0) return undefined;
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Measures text in SVG user units; the fallback guesses from the length (no canvas in tests). */
export type MeasureText = (text: string) => number;

let canvasContext: CanvasRenderingContext2D | null | undefined;
/** Width of `text` in the title row's font (Helvetica at TITLE_FONT_PT user units). */
export function measureTitle(text: string): number {
  if (canvasContext === undefined) {
    try {
      canvasContext = typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas').getContext('2d');
    } catch {
      canvasContext = null;
    }
    if (canvasContext) canvasContext.font = `${TITLE_FONT_PT}px Helvetica, Arial, sans-serif`;
  }
  return canvasContext ? canvasContext.measureText(text).width : text.length * TITLE_FONT_PT * 0.55;
}

/** `text`, shortened with `…` so it fits `max` units. */
export function fitText(text: string, max: number, measure: MeasureText = measureTitle): string {
  if (measure(text) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

const fitted = new Map<string, string>();
/** The title row's text for an instance: its name (or task), shortened to the row; cached by text. */
function titleText(text: string): string {
  let hit = fitted.get(text);
  if (hit === undefined) {
    hit = fitText(text, TITLE_WIDTH_PT - 8);
    if (fitted.size > 5000) fitted.clear();
    fitted.set(text, hit);
  }
  return hit;
}

/**
 * Names every node from the current instances, in place: `data-task-id`, the accessible name and the
 * title row (name, else task). Only what changed is written, so a rename costs a few attribute sets
 * and no new layout. Node names map to instances as the preview DOT names them (duplicates get ` (2)`).
 */
export function applyNodeLabels(root: ParentNode, instances: readonly InstanceSummary[]): void {
  const names = previewNodeNames(instances);
  const byName = new Map<string, InstanceSummary>();
  names.forEach((n, i) => byName.set(n, instances[i]));
  for (const node of root.querySelectorAll<SVGGElement>('[data-node-name]')) {
    const name = node.getAttribute('data-node-name')!;
    const instance = byName.get(name);
    const id = instance?.id ?? name;
    const args = node.getAttribute('data-args');
    const label = nodeLabel(id, instance, node.getAttribute('data-tooltip')) + (name !== id ? ' (repeated id)' : '') + (args ? `, arguments: ${args}` : '');
    if (node.getAttribute('data-task-id') !== id) node.setAttribute('data-task-id', id);
    if (node.getAttribute('aria-label') !== label) node.setAttribute('aria-label', label);
    const title = node.querySelector('text.node-title');
    if (title) {
      const text = instance ? titleText(instance.name || instance.task || ' ') : TITLE_PLACEHOLDER;
      if (title.textContent !== text) title.textContent = text;
    }
  }
}

/**
 * The prepared graph as markup with labels applied (for tests and callers without a live DOM).
 * Returns undefined when the text is not an SVG document.
 */
export function prepareGraphSvg(svgText: string, instances: readonly InstanceSummary[]): PreparedSvg | undefined {
  const prepared = prepareGraphElement(svgText);
  if (!prepared) return undefined;
  applyNodeLabels(prepared.svg, instances);
  const taskIds = [...prepared.svg.querySelectorAll('[data-task-id]')].map((n) => n.getAttribute('data-task-id')!);
  return { markup: new XMLSerializer().serializeToString(prepared.svg), size: prepared.size, taskIds };
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

import { memo, useEffect, useMemo, useRef } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { Design } from '../model';
import { selectDesign, useRolecraft } from '../store';
import { ENTITY_HEIGHT, ENTITY_WIDTH, type Frame } from './geometry';
import { glyphs } from './icons/glyphs';
import { accountFrames, entityPositions, placementKey, placementUpdate } from './nodes/build-nodes';
import { rasterOverview } from './minimap-raster';
import { glyphOf } from './presentation';
import { findEntity } from '../model';

const WIDTH = 160;
const HEIGHT = 110;

interface Overview {
  accounts: Frame[];
  entities: { x: number; y: number; color: string }[];
  /** Each entity's place in `entities`, by id. */
  index: ReadonlyMap<string, number>;
  bounds: Frame;
}

/** Each entity's colour in the overview, by its object (the same over a drop). */
const colours = new WeakMap<object, string>();

function colourOf(design: Design, id: string): string {
  const entity = findEntity(design, id);
  if (!entity) return '#64748b';
  let colour = colours.get(entity);
  if (colour === undefined) {
    colour = glyphs[glyphOf(entity)].tile;
    colours.set(entity, colour);
  }
  return colour;
}

/** The overview made for each placement (see `placementKey`): a drop's is updated from the last. */
const overviews = new WeakMap<object, Overview>();

function overviewOf(design: Design): Overview {
  const key = placementKey(design);
  const hit = overviews.get(key);
  if (hit) return hit;
  const positions = entityPositions(design);
  const accounts = [...accountFrames(design, positions).values()];
  const update = placementUpdate(design);
  const before = update && overviews.get(update.from);
  let entities: Overview['entities'];
  let index: Overview['index'];
  if (before && update) {
    // A drop: the moved entities' places, not 10,000 made again.
    entities = before.entities.slice();
    index = before.index;
    for (const id of update.moved) {
      const i = index.get(id);
      const p = positions.get(id);
      if (i !== undefined && p) entities[i] = { x: p.x, y: p.y, color: entities[i]!.color };
    }
  } else {
    entities = [];
    const ids = new Map<string, number>();
    for (const [id, p] of positions) {
      ids.set(id, entities.length);
      entities.push({ x: p.x, y: p.y, color: colourOf(design, id) });
    }
    index = ids;
  }
  const overview = { accounts, entities, index, bounds: boundsOf(accounts, entities) };
  overviews.set(key, overview);
  return overview;
}

function boundsOf(accounts: readonly Frame[], entities: Overview['entities']): Frame {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const f of accounts) {
    left = Math.min(left, f.x);
    top = Math.min(top, f.y);
    right = Math.max(right, f.x + f.width);
    bottom = Math.max(bottom, f.y + f.height);
  }
  for (const e of entities) {
    left = Math.min(left, e.x);
    top = Math.min(top, e.y);
    right = Math.max(right, e.x + ENTITY_WIDTH);
    bottom = Math.max(bottom, e.y + ENTITY_HEIGHT);
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const selectViewport = (s: ReactFlowState) => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
});

/**
 * An overview of a large design drawn on a canvas from the document's positions (updated for
 * the entities a drop moved, not made again), so dragging a node costs it nothing (React Flow's minimap keeps one component per node). Click or drag to
 * move the view there.
 */
export const DesignMinimap = memo(function DesignMinimap({ dark }: { dark: boolean }) {
  const design = useRolecraft(selectDesign);
  const overview = useMemo(() => overviewOf(design), [design]);
  const viewport = useStore(useShallow(selectViewport));
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);

  // World coordinates of the visible area.
  const view = {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: viewport.width / viewport.zoom,
    height: viewport.height / viewport.zoom,
  };
  const { bounds } = overview;
  const scale = Math.min(WIDTH / bounds.width, HEIGHT / bounds.height) * 0.92;
  const offsetX = (WIDTH - bounds.width * scale) / 2 - bounds.x * scale;
  const offsetY = (HEIGHT - bounds.height * scale) / 2 - bounds.y * scale;

  // The design is drawn on its own canvas once per change; the view rectangle on another one
  // above it, so panning redraws only the rectangle (and a drop copies no picture).
  const ratio = window.devicePixelRatio || 1;
  const picture = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = picture.current?.getContext('2d');
    if (!context) return;
    const width = Math.round(WIDTH * ratio);
    const height = Math.round(HEIGHT * ratio);
    // One image written pixel by pixel, not a draw call per entity (20,000 at a time).
    const pixels = rasterOverview(overview.accounts, overview.entities, {
      width,
      height,
      offsetX: offsetX * ratio,
      offsetY: offsetY * ratio,
      scale: scale * ratio,
      entityWidth: ENTITY_WIDTH,
      entityHeight: ENTITY_HEIGHT,
      // Slate 400 at 18% (dark) or 28% (light).
      frameColor: [148, 163, 184, dark ? 46 : 71],
    });
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.putImageData(new ImageData(pixels, width, height), 0, 0);
  }, [overview, dark, offsetX, offsetY, scale, ratio]);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, WIDTH * ratio, HEIGHT * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.strokeStyle = dark ? '#e2e8f0' : '#0f172a';
    context.lineWidth = 1.5;
    context.strokeRect(
      offsetX + view.x * scale,
      offsetY + view.y * scale,
      view.width * scale,
      view.height * scale,
    );
  }, [dark, ratio, offsetX, offsetY, scale, view.x, view.y, view.width, view.height]);

  const centreAt = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - offsetX) / scale;
    const y = (event.clientY - box.top - offsetY) / scale;
    void flow.setCenter(x, y, { zoom: viewport.zoom });
  };

  return (
    <Panel position="bottom-right">
      <div
        className="relative rounded border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900"
        style={{ width: WIDTH + 2, height: HEIGHT + 2 }}
      >
        <canvas
          ref={picture}
          aria-hidden="true"
          width={WIDTH * ratio}
          height={HEIGHT * ratio}
          style={{ width: WIDTH, height: HEIGHT }}
          className="absolute top-0 left-0"
        />
        <canvas
          ref={canvas}
          role="img"
          aria-label="Overview of the design"
          width={WIDTH * ratio}
          height={HEIGHT * ratio}
          style={{ width: WIDTH, height: HEIGHT }}
          className="absolute top-0 left-0 cursor-pointer"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            centreAt(event);
          }}
          onPointerMove={(event) => {
            if (event.currentTarget.hasPointerCapture(event.pointerId)) centreAt(event);
          }}
        />
      </div>
    </Panel>
  );
});

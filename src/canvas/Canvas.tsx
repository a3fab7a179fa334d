import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore,
  type Connection,
  type IsValidConnection,
  type OnBeforeDelete,
  type ReactFlowState,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { Design } from '../model';
import {
  selectDesign,
  selectSelectedIds,
  useRolecraft,
  useRolecraftStore,
  type RolecraftState,
} from '../store';
import { connectionCommand, edgeRemovalCommand } from './connect';
import type { FlowEdge } from './edges/edge-data';
import { edgeTypes } from './edges/edge-types';
import { DesignMinimap } from './DesignMinimap';
import { Legend } from './Legend';
import { minimapColor } from './minimap-color';
import type { FlowNode } from './nodes/node-data';
import { nodeTypes } from './nodes/node-types';
import { useFlowEdges } from './useFlowEdges';
import { useFlowNodes, useNodeDrag } from './useFlowNodes';
import { useLitEdges, useLitNodes } from './path-highlight';
import { useCullBox, type Viewport } from './useCullBox';
import { nodeIdsIn, nodeIdsNeeded } from './cull';
import { designBounds } from './nodes/build-nodes';
import { prefersReducedMotion } from './reveal';
import { useOverview } from './useOverview';
import { useDrawEverything } from './picture-mode';
import { LabelPlacements, useLabelPlacements } from './edges/label-context';
import { EdgeRoutesContext, useEdgeRouter } from './edges/routing-context';
import {
  isLargeDesign,
  largeOpeningView,
  openReadably,
  openingViewBox,
  useFitOnOpen,
} from './useFitOnOpen';
import { FIT_PADDING, MIN_ZOOM } from './view-fit';

const deleteKeys = ['Delete', 'Backspace'];
const fitAll = { padding: FIT_PADDING };
const minimapSize = { width: 160, height: 110 };
const multiSelectKeys = ['Control', 'Meta', 'Shift'];

const selectWidth = (s: ReactFlowState) => s.width;
const selectHeight = (s: ReactFlowState) => s.height;

const selectCanvasActions = (s: RolecraftState) => ({
  apply: s.apply,
  requestDelete: s.requestDelete,
  select: s.select,
});

/** Where a large design will open (the window's size: the pane is not measured yet). */
function openingViewport(design: Design, scale: number): Viewport {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const view = largeOpeningView(design, width, height, scale) ?? { x: 0, y: 0, zoom: 1 };
  return { ...view, width, height };
}

interface CanvasProps {
  colorMode: 'light' | 'dark';
  /** What an opened design's fitted zoom is multiplied by (Present's larger text). */
  openingScale?: number;
}

/** The design as a graph: accounts hold their principals; edges are derived from policies. */
export function Canvas({ colorMode, openingScale = 1 }: CanvasProps) {
  // Read when a design opens, not a reason to render: Present's toggle zooms by itself.
  const scale = useRef(openingScale);
  useEffect(() => {
    scale.current = openingScale;
  }, [openingScale]);
  const design = useRolecraft(selectDesign);
  const routes = useEdgeRouter(design);
  const drag = useNodeDrag();
  const { draggedKey } = drag;
  const large = isLargeDesign(design);
  // A picture of the design needs every node and edge, however large the design.
  const drawEverything = useDrawEverything();
  const culling = large && !drawEverything;
  const opening = useMemo(() => openingViewport(design, scale.current), [design]);
  const cull = useCullBox(culling, opening);
  const { edges: designEdges, onEdgesChange } = useFlowEdges(culling ? { cull, draggedKey } : {});
  const edges = useLitEdges(designEdges);
  // React Flow measures and tracks every node it is handed: a large design builds and hands it
  // only the nodes near the view (and the selected and dragged ones, and the ends of the edges
  // drawn there).
  const inBox = useMemo(
    () => (culling && cull ? nodeIdsIn(design, cull, cull.far) : undefined),
    [culling, cull, design],
  );
  const selectedIds = useRolecraft(selectSelectedIds);
  const nodeIds = useMemo(
    () => inBox && nodeIdsNeeded(inBox, edges, [...selectedIds, ...drag.dragging.keys()]),
    [inBox, edges, selectedIds, drag.dragging],
  );
  const { nodes: builtNodes, onNodesChange } = useFlowNodes(drag, nodeIds);
  const shownNodes = useLitNodes(builtNodes);
  const { apply, requestDelete } = useRolecraft(useShallow(selectCanvasActions));
  const store = useRolecraftStore();
  // Labels are placed where the view the design opens at does not cut them.
  const paneWidth = useStore(selectWidth);
  const paneHeight = useStore(selectHeight);
  const openingView = useMemo(
    () =>
      paneWidth > 0 && paneHeight > 0
        ? openingViewBox(design, paneWidth, paneHeight, scale.current)
        : undefined,
    [design, paneWidth, paneHeight],
  );
  const labels = useLabelPlacements(designEdges, !culling, routes, openingView);
  useFitOnOpen(scale);
  const [overview, toggleOverview] = useOverview();
  // A large design's overview draws every entity: after the canvas has shown its first nodes.
  const shown = useAfterFirstPaint();

  const flow = useReactFlow<FlowNode, FlowEdge>();
  const fitWholeDesign = useCallback(() => {
    const pane = document.querySelector<HTMLElement>('main[aria-label="Canvas"] .react-flow');
    if (!pane) return;
    const bounds = designBounds(store.getState().design);
    const view = getViewportForBounds(
      bounds,
      pane.clientWidth,
      pane.clientHeight,
      MIN_ZOOM,
      1,
      FIT_PADDING,
    );
    void flow.setViewport(view, { duration: prefersReducedMotion() ? 0 : 200 });
  }, [flow, store]);

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const command = connectionCommand(store.getState().design, source, target);
      if (command) apply(command);
    },
    [apply, store],
  );
  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (connection) =>
      connection.source !== null &&
      connection.target !== null &&
      connectionCommand(store.getState().design, connection.source, connection.target) !==
        undefined,
    [store],
  );

  // React Flow would drop the elements from its own state; the design decides instead.
  const onBeforeDelete: OnBeforeDelete<FlowNode, FlowEdge> = useCallback(
    async ({ nodes: doomedNodes, edges: doomedEdges }) => {
      const chosenEdges = doomedEdges.filter((edge) => edge.selected);
      if (chosenEdges.length > 0) apply(edgeRemovalCommand(chosenEdges));
      if (doomedNodes.length > 0) requestDelete(doomedNodes.map((node) => node.id));
      return false;
    },
    [apply, requestDelete],
  );

  return (
    <EdgeRoutesContext.Provider value={routes}>
      <LabelPlacements.Provider value={labels}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onBeforeDelete={onBeforeDelete}
          deleteKeyCode={deleteKeys}
          multiSelectionKeyCode={multiSelectKeys}
          elevateNodesOnSelect={false}
          onlyRenderVisibleElements={culling}
          className={culling && draggedKey !== '' ? 'rolecraft-dragging' : undefined}
          colorMode={colorMode}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          onInit={(flow) => void openReadably(flow, store.getState().design, 0, scale.current)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls fitViewOptions={fitAll} showFitView={!large}>
            {large && (
              // React Flow would fit only the nodes it is handed (those near the view).
              <ControlButton onClick={fitWholeDesign} aria-label="Fit View" title="Fit View">
                <FitGlyph />
              </ControlButton>
            )}
            <ControlButton
              onClick={toggleOverview}
              aria-pressed={overview}
              aria-label="Overview"
              title={overview ? 'Hide the overview' : 'Show the overview'}
            >
              <OverviewGlyph />
            </ControlButton>
          </Controls>
          {overview &&
            (large ? (
              shown && <DesignMinimap dark={colorMode === 'dark'} />
            ) : (
              <MiniMap
                pannable
                zoomable
                nodeColor={minimapColor}
                ariaLabel="Overview of the design"
                style={minimapSize}
              />
            ))}
          <Legend culled={large} />
        </ReactFlow>
      </LabelPlacements.Provider>
    </EdgeRoutesContext.Provider>
  );
}

/** False until the frame after the first one has been painted, then true. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** Four corners: the fit view control's icon. */
function FitGlyph() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" />
    </svg>
  );
}

/** A small map: the overview toggle's icon. */
function OverviewGlyph() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <rect x="8" y="8" width="5" height="4" fill="currentColor" stroke="none" />
    </svg>
  );
}

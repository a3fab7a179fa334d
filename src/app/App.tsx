import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas, PRESENT_SCALE } from '../canvas';
import {
  ConfirmDeleteDialog,
  ExportDesignContext,
  Inspector,
  PanelBoundary,
  SearchHost,
  Splitter,
  Toasts,
} from '../panels';
import { SimulationOverlay, SimulationPanel } from '../simulation';
import { LessonHost, ScenariosHost } from '../lessons';
import { BottomPanel } from './BottomPanel';
import { AnalysisSync } from './analysis/AnalysisSync';
import { WhatIfSummary } from './analysis/WhatIfSummary';
import { DesignNotices } from './DesignNotices';
import { DesignsMenu } from './DesignsMenu';
import { SharedLinkPrompt } from './SharedLinkPrompt';
import { startOnce } from './start';
import { Toolbar } from './Toolbar';
import { ImportDialog } from './import/ImportDialog';
import { exportCurrentDesign, importFiles } from './persistence';
import { PresentZoom } from './PresentZoom';
import { RoomControls } from './RoomControls';
import { BOTTOM_MIN, INSPECTOR_MIN, bottomMax, inspectorMax, useRoomLayout } from './room-layout';
import { useColorScheme } from './useColorScheme';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export function App() {
  const colorMode = useColorScheme();
  const [ready, setReady] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useKeyboardShortcuts();
  const [layout, setLayout] = useRoomLayout();
  const header = useRef<HTMLElement>(null);
  const row = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({
    width: window.innerWidth,
    height: window.innerHeight,
    top: 0,
  });
  // The bounds of the panels follow the window (and the header, which wraps when narrow).
  useLayoutEffect(() => {
    const measure = () =>
      setRoom({
        width: window.innerWidth,
        height: window.innerHeight,
        top: row.current?.getBoundingClientRect().top ?? 0,
      });
    measure();
    const observer = new ResizeObserver(measure);
    // The row resizes when the header wraps or a notice shows above it.
    if (header.current) observer.observe(header.current);
    if (row.current) observer.observe(row.current);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-present', layout.present);
  }, [layout.present]);
  const maxBottom = bottomMax(room.height, room.top);
  const maxInspector = inspectorMax(room.width);
  const bottomHeight = Math.min(maxBottom, Math.max(BOTTOM_MIN, layout.bottomHeight));
  const inspectorWidth = Math.min(maxInspector, Math.max(INSPECTOR_MIN, layout.inspectorWidth));
  useEffect(() => {
    void startOnce().finally(() => setReady(true));
  }, []);

  return (
    <ReactFlowProvider>
      <ExportDesignContext.Provider value={exportCurrentDesign}>
        <PresentZoom present={layout.present} />
        <div className="flex h-full flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
          <header
            ref={header}
            id="room-header"
            className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700"
          >
            <h1 className="text-base font-bold">Rolecraft</h1>
            <DesignsMenu />
            <Toolbar onImport={() => fileInput.current?.click()} />
            <RoomControls layout={layout} onChange={setLayout} />
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              multiple
              aria-label="Files to import: designs or account authorization details"
              className="hidden"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) void importFiles(files);
              }}
            />
          </header>
          <AnalysisSync />
          <DesignNotices />
          <div ref={row} className="flex min-h-0 flex-1">
            <div id="room-lesson" className="flex shrink-0">
              <PanelBoundary name="lesson" id="lesson" className="w-80 shrink-0">
                <LessonHost />
              </PanelBoundary>
            </div>
            <main className="relative min-w-0 flex-1" aria-label="Canvas">
              {ready ? (
                <PanelBoundary name="canvas" id="canvas">
                  <Canvas colorMode={colorMode} openingScale={layout.present ? PRESENT_SCALE : 1} />
                  <SimulationOverlay />
                </PanelBoundary>
              ) : (
                <p className="p-4 text-sm text-slate-500">Opening your design…</p>
              )}
            </main>
            <Splitter
              label="Resize the inspector"
              controls="room-inspector"
              orientation="vertical"
              panelSide="end"
              size={inspectorWidth}
              min={INSPECTOR_MIN}
              max={maxInspector}
              collapsed={layout.inspectorCollapsed}
              onResize={(w) => setLayout({ inspectorWidth: w, inspectorCollapsed: false })}
              onToggle={() => setLayout({ inspectorCollapsed: !layout.inspectorCollapsed })}
            />
            <div
              id="room-inspector"
              className="flex shrink-0"
              hidden={layout.inspectorCollapsed}
              style={{ width: inspectorWidth }}
            >
              <PanelBoundary name="inspector" id="inspector" className="w-full">
                <Inspector />
              </PanelBoundary>
            </div>
          </div>
          <Splitter
            label="Resize the bottom panel"
            controls="room-bottom"
            orientation="horizontal"
            panelSide="end"
            size={bottomHeight}
            min={BOTTOM_MIN}
            max={maxBottom}
            collapsed={layout.bottomCollapsed}
            onResize={(h) => setLayout({ bottomHeight: h, bottomCollapsed: false })}
            onToggle={() => setLayout({ bottomCollapsed: !layout.bottomCollapsed })}
          />
          <section
            id="room-bottom"
            aria-label="Bottom panel"
            className="flex shrink-0 flex-col px-3 pt-1 pb-2 text-sm"
            style={layout.bottomCollapsed ? undefined : { height: bottomHeight }}
          >
            <BottomPanel
              collapsed={layout.bottomCollapsed}
              onExpand={() => setLayout({ bottomCollapsed: false })}
              aside={<WhatIfSummary />}
              simulation={
                <PanelBoundary name="simulation" id="simulation">
                  <Suspense fallback={<p className="text-slate-500">Loading the simulation…</p>}>
                    <SimulationPanel />
                  </Suspense>
                </PanelBoundary>
              }
            />
          </section>
          <SearchHost />
          <ScenariosHost />
          <ConfirmDeleteDialog />
          <Toasts />
          {ready && <SharedLinkPrompt />}
          <ImportDialog />
        </div>
      </ExportDesignContext.Provider>
    </ReactFlowProvider>
  );
}

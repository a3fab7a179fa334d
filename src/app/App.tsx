import { useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type Node,
} from '@xyflow/react';
import { EntityNode } from './EntityNode';
import { sampleEdges, sampleNodes, type SampleNodeData } from './sample-design';
import { useColorScheme } from './useColorScheme';

const nodeTypes = { entity: EntityNode };

export function App() {
  const colorMode = useColorScheme();
  const [selected, setSelected] = useState<Node<SampleNodeData> | null>(null);
  return (
    <div className="flex h-full flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-center gap-4 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h1 className="text-lg font-bold">Rolecraft</h1>
        <div role="toolbar" aria-label="Design tools" className="flex gap-2" />
      </header>
      <div className="flex min-h-0 flex-1">
        <main className="relative min-w-0 flex-1" aria-label="Canvas">
          <ReactFlowProvider>
            <ReactFlow
              defaultNodes={sampleNodes}
              defaultEdges={sampleEdges}
              nodeTypes={nodeTypes}
              colorMode={colorMode}
              fitView
              onSelectionChange={({ nodes }) =>
                setSelected((nodes[0] as Node<SampleNodeData>) ?? null)
              }
            >
              <Background />
              <Controls />
              <MiniMap pannable zoomable />
            </ReactFlow>
          </ReactFlowProvider>
        </main>
        <section
          aria-label="Inspector"
          className="w-80 shrink-0 overflow-auto border-l border-slate-200 p-4 dark:border-slate-700"
        >
          <h2 className="mb-2 font-semibold">Inspector</h2>
          {selected ? (
            <dl className="text-sm">
              <dt className="text-slate-500">Name</dt>
              <dd>{selected.data.label}</dd>
              <dt className="text-slate-500">ARN</dt>
              <dd className="break-all font-mono text-xs">{selected.data.arn}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-500">Select a node to see its details.</p>
          )}
        </section>
      </div>
      <section
        aria-label="Bottom panel"
        className="h-40 shrink-0 border-t border-slate-200 p-3 text-sm text-slate-500 dark:border-slate-700"
      >
        Simulation, findings and the event log appear here.
      </section>
    </div>
  );
}

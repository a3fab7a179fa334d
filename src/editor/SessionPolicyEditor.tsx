// The session policy of a simulated AssumeRole call, edited like any other policy (validated
// as a session policy, completion from the design).
import { useCallback } from 'react';
import { useRolecraftStore } from '../store';
import { designEntities } from './design-entities';
import { PolicyTabs } from './PolicyTabs';

export interface SessionPolicyEditorProps {
  value: string;
  onChange: (text: string) => void;
}

export function SessionPolicyEditor({ value, onChange }: SessionPolicyEditorProps) {
  const store = useRolecraftStore();
  const entities = useCallback(() => designEntities(store.getState().design), [store]);
  return (
    <PolicyTabs
      label="Simulation policies"
      entities={entities}
      tabs={[
        {
          key: 'simulation#session',
          label: 'Session policy',
          policyType: 'session',
          text: value,
          onChange,
          optional: true,
        },
      ]}
    />
  );
}

// The simulation runs on the world the design -> engine adapter builds (src/model/access),
// the same one every canvas edge is derived from.

export {
  designWorld as designToWorld,
  type DesignWorld,
  type PolicySource,
  type WorldSources,
} from '../../model';

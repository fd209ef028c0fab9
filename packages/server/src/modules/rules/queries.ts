// The rules module's query face: what other modules may ask of the rules. The compiled catalog
// (current instrument versions, the engine, the crosswalk graph) is how they evaluate obligations.
export { type Catalog, type CatalogCache, type CurrentInstrument, catalogOf } from "./catalog.js";

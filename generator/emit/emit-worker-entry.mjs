// Worker threads start without the parent's loaders: register tsx here, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./emit-worker.ts");

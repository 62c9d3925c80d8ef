// HiGHS (an LP solver) as an oracle independent of our own wasm solver.
import highsModule from 'highs';

// highs ships CommonJS-style types with `export default`; under NodeNext TypeScript sees the module
// object, while the ESM build's default export is the loader function itself. Accept either.
type Loader = (typeof highsModule)['default'];
const moduleOrLoader = highsModule as unknown as Loader | { default: Loader };
export const loadHighs: Loader = typeof moduleOrLoader === 'function' ? moduleOrLoader : moduleOrLoader.default;

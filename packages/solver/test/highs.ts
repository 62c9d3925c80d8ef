// HiGHS (an LP solver) as an oracle independent of our own solvers: the one loader of the
// workspace's tests. The solver's exactness tests use it, and the engine's tests import it as
// `@mentor-matcher/solver/test/highs`, an export with only the workspace's `source` condition,
// whose file is not in the published package (so it resolves nowhere outside the workspace).
import highsModule from 'highs';

// highs ships CommonJS-style types with `export default`: under NodeNext TypeScript sees the module
// object, while the ES module build's default export is the loader function itself. Accept either.
type Loader = (typeof highsModule)['default'];
const moduleOrLoader = highsModule as unknown as Loader | { default: Loader };
export const loadHighs: Loader = typeof moduleOrLoader === 'function' ? moduleOrLoader : moduleOrLoader.default;

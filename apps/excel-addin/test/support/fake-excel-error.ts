// The error the fake throws, shaped like Excel's own (`RichApi.Error` with a `code`), so the add-in's
// handling of payload and argument errors is tested against the codes Excel really uses.
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** What Excel throws when a property is read before `load()` and `context.sync()`. */
export function notLoaded(property: string): never {
  throw new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method ` +
      'on the containing object and call "context.sync()" on the associated request context.',
  );
}

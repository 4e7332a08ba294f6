// The type of a record once the schema's defaults are filled in, derived from its type as written
// (schema-types.ts declares each record type once, and names its defaulted variant with this).
// The validators fill the defaults in as they check (ajv's useDefaults), so a property with a
// `default` is always there afterwards; nothing else about the type changes.

/**
 * What a schema defaults, at one level of the data: `filled`, the properties that have a `default`;
 * `inside`, what is defaulted within a property's value (within each item, for an array).
 */
export interface DefaultsSpec {
  filled?: string;
  inside?: { [property: string]: DefaultsSpec };
}

/** `T` with the properties `D` names required, at every depth; every other property as in `T`. */
export type WithDefaults<T, D extends DefaultsSpec> = T extends readonly (infer Item)[]
  ? WithDefaults<Item, D>[]
  : T extends object
    ? Flat<
        { [K in keyof T as K extends Filled<D> ? never : K]: Inside<T[K], K, D> } & {
          [K in keyof T as K extends Filled<D> ? K : never]-?: Inside<Exclude<T[K], undefined>, K, D>;
        }
      >
    : T;

type Filled<D> = D extends { filled: infer Names } ? Names : never;

/** A property's value with what is defaulted inside it filled in, if anything is. */
type Inside<V, K, D> = D extends { inside: infer Nested }
  ? K extends keyof Nested
    ? Nested[K] extends DefaultsSpec
      ? WithDefaults<V, Nested[K]>
      : V
    : V
  : V;

/** One object type instead of an intersection, so editors show the fields. */
type Flat<T> = { [K in keyof T]: T[K] };

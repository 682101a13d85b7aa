/** Version of the analysis engine, stamped on every result and export. Bump when output changes. */
export const ENGINE_VERSION = '0.2.0';

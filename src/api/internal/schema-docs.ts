/** Documentation keys the routes put in their schemas (ignored by validation, read by the OpenAPI builder). */
declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Leave the route out of the OpenAPI document (UI files, the docs themselves). */
    hide?: boolean;
  }
}

export {};

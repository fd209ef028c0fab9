import { z } from "zod";

/**
 * The API's route table: one entry per endpoint, shared by the server (which
 * registers handlers against it), the web app and the CLI (typed clients).
 * `success` is the status code of the successful answer; `response` its body
 * (z.null() for 204 No Content).
 */
export interface RouteContract {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  success: 200 | 201 | 202 | 204;
  response: z.ZodType;
}

export const route = <const R extends RouteContract>(r: R): R => r;
export const NoContent = z.null();

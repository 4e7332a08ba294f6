// Types of the generated compiled-validators.js (ajv standalone validators, one per schema).
import type { ValidateFunction } from "ajv";

export declare const incident: ValidateFunction;
export declare const postmortem: ValidateFunction;
export declare const runbook: ValidateFunction;
export declare const config: ValidateFunction;
export declare const oncall: ValidateFunction;

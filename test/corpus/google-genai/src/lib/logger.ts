import bunyan from "bunyan";

export const logger = bunyan.createLogger({ name: "wanderly-api", level: "info" });

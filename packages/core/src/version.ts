/** The kaoping version, written into compiled modules. */
export const VERSION = "0.1.0";

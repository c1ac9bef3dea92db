// kp report: filled in by the office-cycle work (issue 14 §3).
export {};

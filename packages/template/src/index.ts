// kp template: filled in by the office-cycle work (issue 14 §1).
export {};

// The error pending kernel requests reject with when the kernel is stopped or
// replaced. Its own module so the page shell can check for it without
// loading the kernel client, which is fetched on demand (launch.ts).
export class KernelRestarted extends Error {}

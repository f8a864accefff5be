// vite.config.ts (kernelSandbox plugin): where the production build put the
// sandboxed kernel frame and the kernel as one classic script; null in the
// dev server, which runs the kernel on the app's origin.
declare module 'virtual:kernel-sandbox' {
  const urls: { frame: string; script: string } | null;
  export default urls;
}

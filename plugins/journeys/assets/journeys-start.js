// Runs the theme's scripts once the first frame is on screen (why: plugin/material_page.py). They
// wait, inert, in the page's #__scripts template; copied into the page with async off, they run
// in their order, each as soon as it and the ones before it have arrived.
(() => {
  const template = document.getElementById("__scripts")
  if (!template) return
  // Material 9 (read on 9.8.2) starts when DOMContentLoaded fires, which has passed when its
  // script runs after the first frame; it is then handed the document through the document$
  // it exports, which its own listener would otherwise have fed.
  let parsed = false
  document.addEventListener("DOMContentLoaded", () => { parsed = true }, { once: true })
  const start = () => {
    template.content.querySelectorAll("script").forEach((source, index) => {
      const script = document.createElement("script")
      for (const { name, value } of source.attributes) script.setAttribute(name, value)
      script.text = source.text  // a script written inline (by another plugin) runs as written
      script.async = false
      if (index === 0)
        script.addEventListener("load", () => { if (parsed) window.document$.next(document) })
      document.body.append(script)
    })
  }
  // Past the frame of the parsed page: the callback before the frame after next, which
  // Chromium starts only once the one before it has been drawn. And past the first paint's
  // arrival on screen, which a busy machine can report later than that.
  const framed = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const painted = new Promise((resolve) => {
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return resolve()
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect()
        resolve()
      }
    }).observe({ type: "paint", buffered: true })
  })
  Promise.all([framed, painted]).then(() => setTimeout(start))
})()

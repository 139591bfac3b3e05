/** Entry point of `npm run upload:weapp`; see uploadWeapp.ts. */
import { uploadWeapp } from './uploadWeapp'

uploadWeapp().then(
  // miniprogram-ci leaves a watcher running: the upload is over when its promise settles.
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Upload failed: ${error.message}`)
    process.exit(1)
  },
)

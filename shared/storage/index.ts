export {
  AVATAR_FOLDER,
  clientMayUploadTo,
  cloudFolderOf,
  IMAGE_BYTES_MAX,
  type ImageType,
  ITEM_IMAGE_FOLDER,
  imageProblemOf,
  imageTypeOf,
  QR_CODE_FOLDER,
  STORAGE_BUCKET_VARIABLE,
} from './images'

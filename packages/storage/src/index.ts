export * from './object-storage';
export { localFolderStorage } from './local-folder-storage';
export { s3Storage, type S3StorageOptions } from './s3-storage';

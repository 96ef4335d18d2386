import type {
  BeforeRequestListener,
  HardenableSession,
  PermissionCheckHandler,
  PermissionRequestHandler,
} from '../../main/shell/guards/session';

/** An Electron Session as far as hardenSession uses it, keeping every handler it is given. */
export class FakeSession implements HardenableSession {
  readonly requestHandlers: PermissionRequestHandler[] = [];
  readonly checkHandlers: PermissionCheckHandler[] = [];
  readonly deviceHandlers: (() => boolean)[] = [];
  readonly beforeRequestListeners: BeforeRequestListener[] = [];
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequestListeners.push(listener);
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandlers.push(handler);
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandlers.push(handler);
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandlers.push(handler);
  }

  /** What the last permission request handler answers. */
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | null = null;
    this.requestHandlers.at(-1)?.({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === null) throw new Error('the permission request was never answered');
    return granted;
  }

  check(permission: string, requestingOrigin: string): boolean {
    const handler = this.checkHandlers.at(-1);
    if (handler === undefined) throw new Error('no permission check handler');
    return handler(null, permission, requestingOrigin);
  }

  /** Whether the last before-request listener cancels a request for `url`. */
  cancels(url: string): boolean {
    let cancel: boolean | null = null;
    this.beforeRequestListeners.at(-1)?.({ url }, (response) => (cancel = response.cancel));
    if (cancel === null) throw new Error('the request was never answered');
    return cancel;
  }
}

/** Who is acting, handed from routes to services; services never see HTTP. */
export interface Actor {
  role: 'admin' | 'student' | 'system' | 'anonymous';
  id: number | null;
  requestId: string | null;
}

export interface StudentActor extends Actor {
  role: 'student';
  id: number;
}

export interface AdminActor extends Actor {
  role: 'admin';
  id: number;
}

export const systemActor: Actor = { role: 'system', id: null, requestId: null };

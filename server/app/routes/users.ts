import { z } from 'zod';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { requireAdmin } from '../require-role.js';
import { ErrorBody, NewToken, NewUser, TokenCreate, TokenId, TokenInfo, User, UserCreate, UserName } from '../schemas.js';

const forbidden = { description: 'Not allowed for your role', schema: ErrorBody };

/**
 * Users (everyone can list them, for sharing; admins add them) and API tokens (yours; admins see
 * and revoke anyone's).
 *
 * @example
 * userRoutes(api, deps);
 */
export function userRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { users, audit } = deps.storage;

  api.add({
    method: 'get',
    path: '/api/users',
    tag: 'users',
    summary: 'Everyone who can sign in (names and roles, for sharing)',
    responses: { 200: { description: 'The users', schema: z.array(User) } },
    handler: (c) => c.json(users.list()),
  });

  api.add({
    method: 'post',
    path: '/api/users',
    tag: 'users',
    summary: 'Add a user (admins only); their first token comes back once',
    body: UserCreate,
    responses: { 201: { description: 'Added', schema: NewUser }, 400: { description: 'Bad name or role', schema: ErrorBody }, 403: forbidden, 409: { description: 'The name is taken', schema: ErrorBody } },
    handler: (c, { body }) => {
      requireAdmin(c, 'add users');
      const created = users.add(body.name, body.role);
      audit.record(c.get('user').name, 'user-add', null, { user: body.name, role: body.role });
      return c.json(created, 201);
    },
  });

  for (const action of ['disable', 'enable'] as const) {
    api.add({
      method: 'post',
      path: `/api/users/:name/${action}`,
      tag: 'users',
      summary:
        action === 'disable'
          ? 'Disable a user (admins only): their tokens and sessions stop working at once'
          : 'Enable a disabled user again (admins only): their tokens work again',
      params: UserName,
      responses: {
        200: { description: 'The user as it now is', schema: User },
        400: { description: 'Disabling yourself or the only enabled admin', schema: ErrorBody },
        403: forbidden,
        404: { description: 'No such user', schema: ErrorBody },
      },
      handler: (c, { params }) => {
        requireAdmin(c, `${action} users`);
        const me = c.get('user').name;
        if (action === 'disable' && params.name === me) throw new HttpError(400, 'You cannot disable yourself: ask another admin.');
        const changed = action === 'disable' ? users.disable(params.name) : users.enable(params.name);
        if (changed) audit.record(me, action === 'disable' ? 'user-disable' : 'user-enable', null, { user: params.name });
        return c.json(users.get(params.name));
      },
    });
  }

  api.add({
    method: 'get',
    path: '/api/tokens',
    tag: 'users',
    summary: 'Your API tokens (admins: everyone\'s with ?all=true), newest first; never the secrets',
    query: z.object({ all: z.enum(['true', 'false']).optional() }),
    responses: { 200: { description: 'The tokens', schema: z.array(TokenInfo) }, 403: forbidden },
    handler: (c, { query }) => {
      if (query.all === 'true') requireAdmin(c, "list everyone's tokens");
      return c.json(users.tokens(query.all === 'true' ? undefined : c.get('user').name));
    },
  });

  api.add({
    method: 'post',
    path: '/api/tokens',
    tag: 'users',
    summary: 'A new API token for yourself (shown once)',
    body: TokenCreate,
    responses: { 201: { description: 'The token', schema: NewToken } },
    handler: (c, { body }) => {
      const me = c.get('user').name;
      const { token, record } = users.issueToken(me, { label: body.label });
      audit.record(me, 'token-create', null, { token: record.id, user: me, label: record.label });
      return c.json({ ...record, token }, 201);
    },
  });

  api.add({
    method: 'delete',
    path: '/api/tokens/:id',
    tag: 'users',
    summary: 'Revoke a token (yours; admins: anyone\'s); its sessions end too',
    params: TokenId,
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No such token of yours', schema: ErrorBody } },
    handler: (c, { params }) => {
      const me = c.get('user');
      const token = users.token(params.id);
      // Someone else's token is "not found" to a member, like a notebook not shared with them.
      if (!token || (token.user_name !== me.name && me.role !== 'admin') || token.revoked_at) {
        throw new HttpError(404, `There is no active token ${params.id} of yours. GET /api/tokens lists them.`);
      }
      users.revokeToken(params.id);
      audit.record(me.name, 'token-revoke', null, { token: params.id, user: token.user_name });
      return c.body(null, 204);
    },
  });
}

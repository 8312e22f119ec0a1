import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUser,
  fetchUsers,
  resetUser,
  updateUser,
  type CreateUserRequest,
  type ResetCredentials,
  type UpdateUserRequest,
} from '@/features/users/api/users-api';

export const USERS_PAGE_SIZE = 50;
const usersKey = ['users'] as const;

export function useUsers(page: number) {
  return useQuery({
    queryKey: [...usersKey, 'list', page] as const,
    queryFn: ({ signal }) => fetchUsers(page, USERS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => createUser(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, credentials }: { id: string; credentials: ResetCredentials }) => resetUser(id, credentials),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

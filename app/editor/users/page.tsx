import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { ChangeRoleForm, CreateUserForm } from "@/components/admin/user-forms";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDate } from "@/lib/dates";
import { recentFailuresByEmail } from "@/lib/auth/throttle";
import { listUsers } from "@/lib/users/editor";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction, unlockSignInAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const [users, failures] = await Promise.all([listUsers(), recentFailuresByEmail()]);
  return (
    <>
      <h1>Users</h1>
      <p>Changing a role, disabling an account or resetting a password signs that person out everywhere.</p>
      <section className="section" aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const failed = failures.get(u.email.toLowerCase()) ?? 0;
                return (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.email}</td>
                    <td>
                      {u.id === me.id ? u.role : <ChangeRoleForm action={changeRoleAction} userId={u.id} role={u.role} userName={u.name} />}
                    </td>
                    <td>
                      {u.disabled ? "Disabled" : "Active"}
                      <br />
                      <span className="meta">since {formatDate(u.createdAt)}</span>
                      {failed > 0 ? (
                        <>
                          <br />
                          <span className="meta">
                            {failed} failed sign-in{failed === 1 ? "" : "s"} in the last 24 hours
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td className="admin-actions">
                      {u.id === me.id ? null : (
                        <ActionButton
                          action={setDisabledAction}
                          fields={{ userId: String(u.id), disabled: u.disabled ? "false" : "true" }}
                          label={u.disabled ? "Enable" : "Disable"}
                          context={u.name}
                          variant={u.disabled ? "secondary" : "danger"}
                          confirm={u.disabled ? undefined : `I understand ${u.name} will be signed out and unable to sign in`}
                        />
                      )}
                      {failed > 0 ? (
                        <ActionButton action={unlockSignInAction} fields={{ userId: String(u.id) }} label="Clear sign-in delays" context={`for ${u.name}`} />
                      ) : null}
                      <ActionButton action={resetPasswordAction} fields={{ userId: String(u.id) }} label="Reset password" context={`of ${u.name}`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section narrow" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add an account</h2>
        <CreateUserForm action={createUserAction} />
      </section>
    </>
  );
}

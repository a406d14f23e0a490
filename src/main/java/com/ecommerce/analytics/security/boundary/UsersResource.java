package com.ecommerce.analytics.security.boundary;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.rest.Created;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.security.control.Users;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.security.entity.User;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

@Path("api/users")
@RolesAllowed(Role.ADMIN_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Accounts that may log in (admin only)")
public class UsersResource {

    public record NewUser(
            @NotBlank @Size(max = 150) @Pattern(regexp = "[\\w.@+-]+", message = "may contain only letters, digits and @.+-_")
            String username,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotNull @Pattern(regexp = "admin|analyst", message = "must be admin or analyst") String role) {
    }

    public record UserView(long id, String username, String role, boolean isActive, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getUsername(), user.getRole().code(), user.isActive(), user.getCreatedAt());
        }
    }

    /** PATCH: any of the three; absent fields stay as they are. */
    public record UserChange(
            @Pattern(regexp = "admin|analyst", message = "must be admin or analyst") String role,
            Boolean isActive,
            @Size(min = 10, max = 128) String password) {
    }

    public record PasswordChange(@NotNull String currentPassword, @NotNull @Size(min = 10, max = 128) String newPassword) {
    }

    @Inject
    Users users;

    @Inject
    WriteRetries retries;

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List users", description = "Admins only. Every account, active or not, in id order; "
            + "password hashes never leave the server.")
    @APIResponseSchema(value = UserView[].class, responseCode = "200", responseDescription = "The list")
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @POST
    @Operation(summary = "Create a user", description = "Passwords need at least 10 characters; roles are admin or analyst.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(@NotNull @Valid NewUser request, @Context UriInfo uri) {
        Role role = Role.fromCode(request.role()).orElseThrow();
        UserView created = retries.call(() ->
                UserView.of(users.create(request.username(), request.password(), role)));
        return Created.at(uri, UsersResource.class, created.id(), created);
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Path("{id}")
    @Operation(summary = "Read a user")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponseSchema(value = UserView.class, responseCode = "200", responseDescription = "The user")
    public UserView get(@PathParam("id") long id) {
        return UserView.of(users.find(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "updateUser",
            summary = "Change a user's role, password or whether it is active", description = "is_active false "
            + "deactivates the account: it cannot log in, and its tokens stop working at once. A new role or password "
            + "also ends the account's logins. The last active admin cannot be deactivated or made an analyst.")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It is the last active admin")
    @APIResponseSchema(value = UserView.class, responseCode = "200", responseDescription = "The user as changed")
    public UserView change(@PathParam("id") long id, @NotNull @Valid UserChange change) {
        Role role = change.role() == null ? null : Role.fromCode(change.role()).orElseThrow();
        var wanted = new Users.Change(role, change.isActive(), change.password());
        return retries.call(() -> UserView.of(users.change(id, wanted)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user", description = "Its logins end. The last active admin cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It is the last active admin")
    public void delete(@PathParam("id") long id) {
        retries.run(() -> users.delete(id));
    }

    @POST
    @Path("me/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
    @Operation(operationId = "changeOwnPassword",
            summary = "Change your own password", description = "Needs the current password. Every login of the "
            + "account then ends, this one included: log in again with the new password.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one is too short")
    public void changeOwnPassword(@NotNull @Valid PasswordChange change, @Context SecurityContext caller) {
        String username = caller.getUserPrincipal().getName();
        retries.run(() -> users.changeOwnPassword(username, change.currentPassword(), change.newPassword()));
    }
}

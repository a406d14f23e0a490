package com.ecommerce.analytics.catalog.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import com.ecommerce.analytics.catalog.control.Tags;
import com.ecommerce.analytics.catalog.entity.Tag;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.rest.Created;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.MergePatch;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.RequestValidation;
import com.ecommerce.analytics.platform.rest.SortOrder;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("api/tags")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagsResource {

    public record TagInput(@NotBlank @Size(max = 50) String name) {
    }

    public record TagView(long id, String name) {
        static TagView of(Tag tag) {
            return new TagView(tag.getId(), tag.getName());
        }
    }

    @Inject
    Tags tags;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List tags")
    @APIResponse(responseCode = "200", description = "One page of tags, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TagView.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("ordering") @Parameter(description = "id or name; '-' for descending, e.g. -name")
                         String ordering,
                         @Context UriInfo uri) {
        var page = tags.list(SortOrder.parse(ordering, Tags.ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(TagView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a tag")
    @APIResponse(responseCode = "404", description = "No such tag")
    @APIResponseSchema(value = TagView.class, responseCode = "200", responseDescription = "Found")
    public TagView get(@PathParam("id") long id) {
        return TagView.of(tags.find(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a tag")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(@NotNull @Valid TagInput input, @Context UriInfo uri) {
        TagView created = retries.call(() -> TagView.of(tags.create(input.name())));
        return Created.at(uri, TagsResource.class, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Rename a tag")
    @APIResponseSchema(value = TagView.class, responseCode = "200", responseDescription = "As stored now")
    public TagView replace(@PathParam("id") long id, @NotNull @Valid TagInput input) {
        return retries.call(() -> TagView.of(tags.rename(id, input.name())));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename a tag (partial update)")
    @APIResponseSchema(value = TagView.class, responseCode = "200", responseDescription = "As stored now")
    public TagView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            TagInput merged = validation.check(MergePatch.apply(patch, new TagInput(tags.find(id).getName()),
                    TagInput.class));
            return TagView.of(tags.rename(id, merged.name()));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a tag", description = "Products keep existing; they lose the tag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        retries.run(() -> tags.delete(id));
        return Response.noContent().build();
    }
}

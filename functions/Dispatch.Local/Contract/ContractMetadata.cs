using Dispatch.App.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Local.Contract;

/// <summary>An endpoint convention: every endpoint of the group found in <see cref="ContractTable"/> gets its
/// operation name, tag, summary, success answers and problem responses (application/problem+json) from there.</summary>
public static class ContractMetadata
{
    public static TBuilder WithContractMetadata<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after the endpoint's own conventions, so its HTTP method is known.
        builder.Finally(endpoint =>
        {
            var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods.FirstOrDefault();
            if (endpoint is not RouteEndpointBuilder route || method is null
                || ContractTable.Find(method, route.RoutePattern.RawText ?? "") is not { } operation)
            {
                return;
            }

            endpoint.Metadata.Add(new EndpointNameMetadata(operation.Name));
            endpoint.Metadata.Add(new EndpointSummaryAttribute(operation.Summary));
            endpoint.Metadata.Add(new TagsAttribute(operation.Tag));
            foreach (var status in operation.Ok.Statuses)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, operation.Ok.Body, [operation.Ok.ContentType]));
            }

            foreach (var status in operation.Problems)
            {
                // 400 names the bad fields (errors); every other problem is plain RFC 9457.
                var shape = status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, shape, [ProblemContentType]));
            }
        });
        return builder;
    }

    /// <summary>The media type without its charset parameter, as OpenAPI names content.</summary>
    private static string ProblemContentType { get; } = Problems.ContentType.Split(';')[0];
}

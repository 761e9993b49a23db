using Dispatch.App.Contract;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Dispatch.Local.Contract;

/// <summary>The contract as an OpenAPI 3.1 document (Microsoft.AspNetCore.OpenApi) and its reference page (Scalar),
/// at the paths the Azure host serves too (<see cref="ContractDocument"/>).</summary>
public static class ContractOpenApi
{
    public static IServiceCollection AddContractOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Dispatch",
                    Version = "v1",
                    Description = "群众点单、组织派单、党员接单: the HTTP contract both hosts serve. Links carry a token " +
                        "(?t=), sent as Authorization: Bearer; every failure is application/problem+json (RFC 9457).",
                };
                // No server URL: the document is the same on every host (the Azure host serves this file as is),
                // and a reader calls the origin it was loaded from.
                document.Servers = [];
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapContractOpenApi(this WebApplication app)
    {
        app.MapOpenApi(ContractDocument.DocumentPath);
        app.MapScalarApiReference(ContractDocument.ReferencePath, o => o
            .WithTitle("Dispatch API")
            .WithOpenApiRoutePattern(ContractDocument.DocumentPath)
            // Fonts from Scalar's CDN would not load for users in mainland China: system fonts only.
            .DisableDefaultFonts());
        return app;
    }
}

using Dispatch.Testing;

namespace Dispatch.Functions.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azure host on Azurite";
}

import { useQuery } from "@tanstack/react-query";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type CountryFeature = GeoJSON.Feature<Geometry, { name: string }> & { id?: string | number };

/**
 * Natural Earth 1:50m country outlines (public domain, from the world-atlas package), loaded as a
 * separate chunk so the first screen does not wait for it. Nothing is fetched from a tile server.
 */
async function loadCountryOutlines(): Promise<CountryFeature[]> {
  const atlas = (await import("world-atlas/countries-50m.json")).default as unknown as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return collection.features;
}

export function useCountryOutlines() {
  return useQuery({
    queryKey: ["geo", "country-outlines", "50m"],
    queryFn: loadCountryOutlines,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

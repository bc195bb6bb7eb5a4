// Issue 6: the county map (县域地图) staff upload, one per county so later campaign years keep it.
// geojson is the normalized FeatureCollection (shared/map.ts), the other columns describe it.
export default `
CREATE TABLE county_maps (
  county text PRIMARY KEY,
  geojson jsonb NOT NULL,
  outline text,
  township_areas text[] NOT NULL DEFAULT '{}',
  township_points text[] NOT NULL DEFAULT '{}',
  bytes int NOT NULL,
  uploaded_by int REFERENCES users(id),
  uploaded_by_name text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
`;

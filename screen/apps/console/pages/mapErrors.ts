// Where in an uploaded GeoJSON a validation message points, in words a person can find it by:
// "features.3.geometry.coordinates.0.12" → "第 4 个要素 › 几何 › 第 1 个环 › 第 13 个点".
const WORDS: Record<string, string> = { file: '文件', type: '类型（type）', features: '要素列表', properties: '属性', geometry: '几何', name: '名称', more: '其他' };

export function errorPlace(key: string): string {
  const parts = key.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const index = Number(part);
    if (parts[i - 1] === 'features' && Number.isInteger(index)) {
      out[out.length - 1] = `第 ${index + 1} 个要素`;
    } else if (part === 'coordinates') {
      // Polygon: ring, point; MultiPolygon: polygon, ring, point; Point: the position itself.
      const rest = parts.slice(i + 1).map(Number);
      const labels = rest.length >= 3 ? ['面', '环', '点'] : ['环', '点'];
      out.push('坐标', ...rest.map((n, k) => `第 ${n + 1} 个${labels[k] ?? '值'}`));
      break;
    } else {
      out.push(WORDS[part] ?? part);
    }
  }
  return out.join(' › ');
}

/** The 422's field messages as rows for the page, in the order the server listed them. */
export function errorRows(fields: Record<string, string>): { place: string; message: string }[] {
  return Object.entries(fields).map(([key, message]) => ({ place: errorPlace(key), message }));
}

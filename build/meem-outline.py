# Writes build/icon.svg: the letter meem as an outline taken from an OFL Arabic font, plus a pen nib.
# Needs fontTools (Debian: python3-fonttools). The committed icon was made with:
#   /usr/bin/python3 build/meem-outline.py /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf \
#     660 430 525 655 372 35 0.95 build/icon.svg
# arguments: font, letter height, letter centre x y, nib tip x y, nib rotation, nib scale, output.
# Then `node build/render-icons.mjs` renders the PNGs.
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.boundsPen import BoundsPen
font, H, cx, cy, nx, ny, rot, nscale, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8], sys.argv[9]
f=TTFont(font)
gs=f.getGlyphSet(); g=f.getBestCmap()[0x0645]
bp=BoundsPen(gs); gs[g].draw(bp); x0,y0,x1,y1=bp.bounds
s=H/(y1-y0)
tx = cx - s*(x0+x1)/2; ty = cy + s*(y0+y1)/2
sp=SVGPathPen(gs, ntos=lambda v: ('%.1f' % v).rstrip('0').rstrip('.'))
gs[g].draw(TransformPen(sp,(s,0,0,-s,tx,ty)))
mim=sp.getCommands()
name = f['name'].getDebugName(4)
svg=f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <!-- Midad (مداد, "ink"): the letter meem, outline from {name} (SIL Open Font License 1.1), and a pen nib. -->
  <defs>
    <linearGradient id="ink" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#23407a"/>
      <stop offset="1" stop-color="#0f1c38"/>
    </linearGradient>
    <linearGradient id="gold" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f4cf6b"/>
      <stop offset="1" stop-color="#d69a2d"/>
    </linearGradient>
  </defs>
  <rect x="32" y="32" width="960" height="960" rx="216" fill="url(#ink)"/>
  <path fill="#fbf4e4" d="{mim}"/>
  <g transform="translate({nx} {ny}) rotate({rot}) scale({nscale})">
    <path fill="url(#gold)" d="M0 0 L-78 -190 Q-92 -250 -54 -300 L54 -300 Q92 -250 78 -190 Z"/>
    <rect x="-62" y="-352" width="124" height="44" rx="10" fill="url(#gold)"/>
    <path d="M0 -18 L0 -168" stroke="#13244a" stroke-width="12" stroke-linecap="round"/>
    <circle cx="0" cy="-186" r="20" fill="#13244a"/>
  </g>
</svg>
'''
open(out,'w').write(svg)

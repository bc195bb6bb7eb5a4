// element-plus styles of the sign-in page (components are imported per file; their CSS here, in this chunk only).
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/alert/style/css';
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/message/style/css';
